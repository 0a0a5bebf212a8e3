// Fictional values for the synthetic PHI corpus. Every number is invented; names are common given
// and family names combined at random, from many origins, so no line describes a real person.

export const GIVEN = [
  "John", "Aisha", "Wei", "María", "Oluwaseun", "Priya", "Mohammed", "Ingrid", "Tomasz", "Keiko",
  "Chinedu", "Fatima", "Liam", "Nguyen Thi", "Rajesh", "Siobhan", "Kwame", "Anastasia", "Diego", "Mei",
  "Ahmed", "Sven", "Yusuf", "Lucía", "Hamza", "Olga", "Emeka", "Haruto", "Zainab", "Pierre",
  "Carlos", "Amara", "Dmitri", "Sunita", "Kofi", "Elif", "Mateus", "Hana", "Rahul", "Bridget",
  "Tariq", "Svetlana", "Jorge", "Ngozi", "Lars", "Ayesha", "Thabo", "Giulia", "Minh", "Esther",
  "Arjun", "Leilani", "Bogdan", "Yara", "Kenji", "Adaeze", "Francesca", "Omar", "Anneke", "Javier",
];
export const FAMILY = [
  "Smith", "Okonkwo", "Zhang", "García", "Adeyemi", "Sharma", "Al-Farsi", "Johansson", "Kowalski", "Tanaka",
  "Eze", "Haddad", "O'Connor", "Nguyen", "Patel", "McCarthy", "Mensah", "Ivanova", "Hernández", "Chen",
  "Rahman", "Lindqvist", "Yilmaz", "Fernández", "Qureshi", "Petrov", "Obi", "Sato", "Bello", "Dubois",
  "Silva", "Diallo", "Sokolov", "Reddy", "Asante", "Demir", "Costa", "Kim", "Gupta", "Murphy",
  "Hussain", "Novak", "Ramírez", "Okafor", "Berg", "Khan", "Ndlovu", "Rossi", "Tran", "Cohen",
  "Iyer", "Kahale", "Popescu", "Mansour", "Watanabe", "Nwosu", "Bianchi", "Farouk", "de Vries", "Morales",
];
/** Names in non-Latin scripts: reported separately from the floors. */
export const NON_LATIN_NAMES = [
  "王伟", "Иван Петров", "محمد علي", "Γιώργος Παπαδόπουλος", "अमित शर्मा", "佐藤花子",
  "김민준", "Ольга Смирнова", "فاطمة الزهراء", "李娜", "יוסף כהן", "Νίκος Αλεξίου",
];
export const TITLES = ["Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Miss", "Prof."];
export const RELATIVES = ["wife", "husband", "daughter", "son", "mother", "father", "sister", "brother", "partner", "carer"];

export const CITIES = [
  "Leeds", "Lagos", "Springfield", "Kraków", "Tucson", "Ibadan", "Manchester", "Pune", "Bristol", "Osaka",
  "Glasgow", "Accra", "Fresno", "Lyon", "Dayton", "Kumasi", "Sheffield", "Chennai", "Toledo", "Gdańsk",
  "Norwich", "Mombasa", "Akron", "Porto", "Leicester", "Enugu", "Boise", "Bergen", "Coventry", "Durban",
];
export const STATES = ["IL", "OH", "CA", "TX", "NY", "AZ", "WA", "FL", "PA", "GA"];
export const STREETS = [
  "Baker Street", "Elm Road", "Maple Avenue", "Church Lane", "Victoria Road", "Oak Drive", "Mill Lane",
  "High Street", "Kingsway Court", "Pine Crescent", "Station Road", "Cedar Blvd", "Park Terrace", "Willow Close",
  "Harbour Way", "Lincoln Ave", "Queen's Road", "Sunset Boulevard", "Orchard Place", "Hillside Parkway",
];
export const UK_POSTCODES = ["LS1 4AP", "M13 9PL", "BS2 8HW", "G12 8QQ", "SW1A 2AA", "NE1 7RU", "CV4 7AL", "EH8 9YL", "B15 2TT", "L69 3BX"];
export const EMAIL_DOMAINS = ["example.com", "mail.example.org", "clinic-example.net", "nhs-example.uk", "example.co.uk"];

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export const MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"];
export const ORDINAL_SUFFIX = (d: number) => (d % 10 === 1 && d !== 11 ? "st" : d % 10 === 2 && d !== 12 ? "nd" : d % 10 === 3 && d !== 13 ? "rd" : "th");
export const AGE_WORDS = ["ninety", "ninety-one", "ninety-two", "ninety-three", "ninety-five", "ninety-seven", "ninety-eight", "one hundred"];

// Hard negatives.
export const EPONYMS = [
  "Parkinson's disease", "Cushing syndrome", "Hodgkin lymphoma", "Crohn's disease", "Alzheimer disease", "Graves disease",
  "Addison's disease", "Wilson disease", "Bell's palsy", "Guillain-Barré syndrome", "Kawasaki disease", "Raynaud phenomenon",
  "Sjögren syndrome", "Hashimoto thyroiditis", "Marfan syndrome", "Barrett oesophagus", "Meniere disease", "Tourette syndrome",
  "Huntington disease", "Cushing's triad", "Murphy's sign", "Babinski sign", "Kernig sign", "Brudzinski sign",
];
export const SCORES = [
  "Glasgow Coma Scale", "Apgar score", "Wells score", "CHA2DS2-VASc score", "Child-Pugh class B", "Ranson criteria",
  "Duke criteria", "Centor criteria", "Gleason 4+3", "Breslow thickness", "Rockall score", "Ottawa ankle rules",
];
export const DRUG_BRANDS = [
  "Lipitor", "Ozempic", "Humira", "Keytruda", "Eliquis", "Xarelto", "Januvia", "Jardiance", "Lantus", "Ventolin",
  "Symbicort", "Entresto", "Zoloft", "Prozac", "Augmentin", "Tamiflu", "Plavix", "Synthroid", "Mounjaro", "Dupixent",
];
export const DEVICE_BRANDS = [
  "Dexcom G7", "FreeStyle Libre 3", "Omnipod 5", "Medtronic MiniMed 780G", "Zoll LifeVest", "Tandem t:slim X2",
  "Philips DreamStation", "Abbott MitraClip", "Boston Scientific Watchman", "ResMed AirSense 11",
];
export const CODES = [
  "ICD-10 E11.9", "ICD-10-CM I21.4", "CPT 99213", "CPT 93000", "LOINC 2345-7", "LOINC 4548-4", "SNOMED CT 44054006",
  "ICD-11 5A11", "HCPCS J1745", "ICD-10 J45.909", "ATC code C10AA05", "DRG 291",
];
export const GENES = [
  "BRCA1", "TP53", "EGFR exon 19 deletion", "KRAS G12C", "HLA-B*57:01", "CFTR F508del", "JAK2 V617F", "BCR-ABL1",
  "HER2", "APOE e4", "MTHFR C677T", "CYP2C19*2", "FLT3-ITD", "NPM1", "ALK", "PD-L1 22C3",
];
export const ROLES = [
  "Dr. on call", "the registrar", "the consultant", "Nurse in charge", "the attending", "the Dr. covering nights",
  "Charge Nurse", "the GP", "Physician Associate", "the on-call Registrar", "Matron", "the house officer",
];
export const PLACEHOLDERS = ["[Patient Name]", "[DOB]", "<MRN>", "{patient_name}", "[DATE]", "[Phone]", "<<Address>>", "[NHS Number]", "{{email}}", "[Clinician]"];
export const HOLIDAYS = [
  "on Christmas Day", "on New Year's Day", "over Easter weekend", "on World Diabetes Day (14 November)",
  "on World Health Day, 7 April", "during Ramadan", "on Thanksgiving", "on World AIDS Day (1 December)",
  "on Boxing Day", "on World Kidney Day", "on 25 December, Christmas Day", "on Independence Day, July 4",
];
