// Word lists for the name and place detectors. Lowercase.

/** Capitalised words that are not names in clinical writing: sentence openers, document words,
 * roles, organisation and heading words. They split a run of capitalised words. */
export const NOT_NAME_WORDS = new Set(
  `the a an and or but if in on at to of for with from by is was are were has had have will would can could should may
  said says asked told notes this that these those he she they we i you it his her their our its patient patients please
  today yesterday tomorrow who what when where why how which there here then than not no yes also all any each every
  write draft explain summarise summarize list give use start stop refer ask call contact check test switch follow discuss
  arrange apply describe compare replace remove redact review read see note correct correction rationale response model
  seed task answer case template placeholder labs lab summary history plan assessment diagnosis impression audit rater
  comment comments instruction input output example examples both neither either option options question questions
  dr doctor nurse consultant registrar matron charge physician associate attending resident fellow surgeon gp midwife
  pharmacist therapist sister ward team clinic hospital centre center department unit trust university college institute
  association society foundation service services health medical medicine scientific royal national general community
  emergency intensive care primary secondary district county state federal group board council ministry agency
  disease syndrome sign signs score scale criteria class stage grade type rules law test trial study guideline guidelines
  index classification protocol pathway procedure operation manoeuvre maneuver reflex phenomenon triad palsy
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday christmas easter ramadan thanksgiving eid diwali day
  new north south east west upper lower left right anterior posterior acute chronic severe mild moderate
  english british american african asian european hispanic latino caucasian
  mr mrs ms miss mx prof professor sir dame rev revd sr sra srta dña herr frau mme mlle dear hi hello thanks thank regards best kind
  covid insulin type aspirin mount saint street road avenue st queen prince princess lord lady
  fever diet infection cancer failure injury disorder deficiency pressure attack stroke arrest therapy treatment
  management nutrition virus bacteria insufficiency anaemia anemia asthma diabetes mellitus hypertension pneumonia sepsis
  prescribe administer avoid consider continue increase reduce titrate monitor measure repeat screen document counsel
  advise educate encourage recommend order request book schedule send obtain perform assess examine record report
  offer provide treat manage admit discharge transfer escalate withhold hold resume restart taper wean swap change add
  insert take
  paciente pacientes diagnóstico diagnostico consulta externa interna control unidad servicio planta urgencias tipo
  tratamiento dolor enfermedad síndrome sindrome insuficiencia hospital doctora enfermera médico medico señor señora
  el los las con sin para por en una un este esta se
  пациент пациентка пациенту больной больная диагноз жалобы жалуется уже день болит голова боль лечение рекомендовано
  назначен назначено осмотр отделение больница поликлиника врач доктор медсестра острый хронический бронхит
  пневмония гипертония сахарный диабет на в с и по при для не
  `.split(/\s+/),
);

/** Words after a capitalised word that make it an eponym, a score or an organisation, not a person:
 * "Wilson disease", "World Kidney Day", "Royal Free Hospital". */
export const EPONYM_HEADS = new Set(
  `disease diseases syndrome syndromes sign signs palsy lymphoma sarcoma tumour tumor phenomenon triad thyroiditis
  oesophagus esophagus criteria score scores scale class classification rules rule law test tests manoeuvre maneuver
  reflex ulcer ulcers fracture hernia cyst node nodes area areas disorder procedure operation staging stage grade
  thickness index equation formula method technique position catheter tube needle forceps dilator ratio stain
  anomaly malformation contracture disease' aneurysm cell cells body bodies fever encephalopathy neuropathy
  dystrophy ataxia chorea dementia lymphadenopathy ileus pouch operation repair
  day week month year hospital clinic centre center trust university college institute association society foundation
  pupil pupils service services unit ward department practice school infirmary hospice pharmacy laboratory group team
  pacemaker pacemakers pump pumps sensor sensors monitor monitors device devices stent stents valve valves implant
  inhaler inhalers pen pens patch patches tablet tablets capsule capsules injection injections cream gel spray drops
  syrup solution suspension vaccine aphasia diverticulum gland glands patients medication medications drugs flare flares
  nurse nurses research wort knot method sarcoma aneurysm canal duct protocol protocols pathway guidance regimen
  chart charts approach technique model`.split(/\s+/),
);

/** Words after a single capitalised word that show it is a person: "Kofi reports", "Ana, aged 90". */
export const PERSON_VERBS =
  /^(?:['’]s\s+(?:wife|husband|partner|daughter|son|mother|father|sister|brother|carer|gp|case|chart|record|notes|results|scan|appointment|address|phone|file|left|right|e-?mail|number|mobile|name|surname|home|house|flat|car|job|employer|school|birthday|family|children|kids|account|insurance|details|letter|consent|mum|dad|mom|own)\b|\s+(?:reports|reported|presents|presented|denies|denied|complains|complained|attends|attended|says|said|asks|asked|told|wants|lives|lived|fell|called|phoned|e-?mailed|wrote|visited|agreed|declined|consented|refused|needs|who|whose|was\s+(?:seen|admitted|discharged|diagnosed|referred|reviewed|born|found|started)|has\s+been|had\s+been|is\s+(?:a|an|the)\s+\d|thinks|feels|prefers|likes|would\s+(?:like|prefer|rather)|and\s+(?:his|her|their)\s+\w+)\b|\s*,\s*(?:aged?\b|\d{1,3}\b|(?:a|an)\s+\d|(?:his|her|their|the)\s+(?:wife|husband|partner|daughter|son|mother|father|sister|brother|carer|friend|neighbour|neighbor|grandson|granddaughter)\b))/i;

/** Words before a name that introduce a person: "her daughter, Ana", "Dear Ana", "named Ana",
 * "reviewed by Okafor", "Thanks, Priya". */
export const PERSON_BEFORE =
  /(?:\b(?:wife|husband|partner|daughter|son|mother|father|sister|brother|carer|caregiver|friend|neighbour|neighbor|guardian|spouse|relative|niece|nephew|grandson|granddaughter|aunt|uncle|cousin)\s*,?\s*\(?|\b(?:dear|hi|hello|named|called|patient|pt\.?|mentions|mentioned|names|naming|greets|greeted|anonymi[sz]e|addresse[sd](?:\s+the\s+patient)?\s+as)\s+|\b(?:seen|reviewed|examined|written|signed|reported|approved|authored|assessed|treated|operated|referred)\s+by\s+|\b(?:thanks|thank\s+you|regards|cheers|cc)\s*,?\s*)$/i;

/** States, countries and regions: allowed by Safe Harbor, never a city finding. */
export const ALLOWED_PLACES = new Set(
  `england scotland wales ireland britain uk usa us america canada mexico brazil argentina nigeria ghana kenya india
  pakistan bangladesh china japan korea vietnam philippines indonesia australia france germany spain portugal italy
  poland sweden norway denmark finland netherlands belgium switzerland austria greece turkey egypt morocco ethiopia
  south africa russia ukraine romania israel iran iraq saudi arabia europe asia africa
  alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana
  iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska
  nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming`.split(
    /\s+/,
  ),
);

/** Given names that are also everyday words: alone and without a person's context they are words
 * ("Skip to content", "Will this help?"), in a run they are names ("Mark Okafor"). */
export const AMBIGUOUS_LONE_NAMES = new Set(
  `will mark bill grace hope faith rose skip pat sue joy art bob jack frank rich sandy dawn summer autumn april june
  august chase hunter rob ray drew guy max gene ben carol iris ivy lily holly heather daisy ruby pearl crystal
  amber violet jade star sky river stone king young brown white green black gray grey long short page bell`.split(
    /\s+/,
  ),
);

/** Words that end a titled name: "Dr. Smith Said the scan was clear" is "Smith". Few on purpose:
 * after a title, White, Park or Hill are surnames. */
export const AFTER_TITLED_NAME = new Set(
  `the a an and or but if in on at to of for with from by is was are were has had have will would can could should may
  said says asked told notes this that these those he she they we i you it patient please today yesterday tomorrow
  who what when`.split(/\s+/),
);
