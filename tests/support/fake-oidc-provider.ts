// A minimal OpenID Connect provider on loopback for tests: discovery, an authorize endpoint that
// signs in `nextUser` at once (no login page), a token endpoint that checks the client secret and
// PKCE and returns an RS256 id_token, and the JWKS to verify it. Keys come from node:crypto.
import { createHash, createSign, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export type TOidcUser = { sub: string; email: string; name: string };
type TGrant = { user: TOidcUser; challenge: string | null; redirectUri: string };

export type TFakeOidc = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next authorization request signs in as. */
  nextUser: TOidcUser | null;
  /** One entry per token request: whether the PKCE verifier matched the authorize request's challenge. */
  tokenRequests: { pkceVerified: boolean; sub: string }[];
  stop(): Promise<void>;
};

const b64url = (v: Buffer | string) => Buffer.from(v).toString("base64url");

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(value));
}

export async function startFakeOidc(
  opts: { clientId?: string; clientSecret?: string } = {},
): Promise<TFakeOidc> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomBytes(8).toString("hex");
  const jwk = { ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
  const grants = new Map<string, TGrant>();
  let issuer = "";
  const state: TFakeOidc = {
    issuer: "",
    clientId: opts.clientId ?? "clinreview-test",
    clientSecret: opts.clientSecret ?? randomBytes(16).toString("hex"),
    nextUser: null,
    tokenRequests: [],
    stop: () => Promise.resolve(),
  };

  const sign = (claims: Record<string, unknown>) => {
    const input = `${b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }))}.${b64url(JSON.stringify(claims))}`;
    return `${input}.${b64url(createSign("RSA-SHA256").update(input).sign(privateKey))}`;
  };

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const [id, secret] = basic
      ? Buffer.from(basic, "base64")
          .toString("utf8")
          .split(":")
          .map((p) => decodeURIComponent(p))
      : [form.get("client_id"), form.get("client_secret")];
    if (id !== state.clientId || secret !== state.clientSecret)
      return json(res, 401, { error: "invalid_client" });
    const grant = grants.get(form.get("code") ?? "");
    grants.delete(form.get("code") ?? "");
    if (
      !grant ||
      form.get("grant_type") !== "authorization_code" ||
      form.get("redirect_uri") !== grant.redirectUri
    ) {
      return json(res, 400, { error: "invalid_grant" });
    }
    const verifier = form.get("code_verifier");
    const pkceVerified = Boolean(
      grant.challenge &&
      verifier &&
      b64url(createHash("sha256").update(verifier).digest()) === grant.challenge,
    );
    state.tokenRequests.push({ pkceVerified, sub: grant.user.sub });
    if (grant.challenge && !pkceVerified)
      return json(res, 400, { error: "invalid_grant", error_description: "PKCE" });
    const now = Math.floor(Date.now() / 1000);
    const idToken = sign({
      iss: issuer,
      aud: state.clientId,
      iat: now,
      exp: now + 300,
      ...grant.user,
      email_verified: true,
    });
    json(res, 200, {
      access_token: randomBytes(16).toString("hex"),
      token_type: "Bearer",
      expires_in: 300,
      id_token: idToken,
      scope: "openid email profile",
    });
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        userinfo_endpoint: `${issuer}/userinfo`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      });
    }
    if (url.pathname === "/jwks") return json(res, 200, { keys: [jwk] });
    if (url.pathname === "/authorize") {
      const p = url.searchParams;
      const redirectUri = p.get("redirect_uri");
      if (p.get("client_id") !== state.clientId || !redirectUri || !state.nextUser)
        return json(res, 400, { error: "invalid_request" });
      const code = randomBytes(16).toString("base64url");
      grants.set(code, {
        user: state.nextUser,
        challenge: p.get("code_challenge_method") === "S256" ? p.get("code_challenge") : null,
        redirectUri,
      });
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      const st = p.get("state");
      if (st) back.searchParams.set("state", st);
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === "/token" && req.method === "POST") {
      token(req, res).catch(() => json(res, 500, { error: "server_error" }));
      return;
    }
    json(res, 404, { error: "not_found" });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  issuer = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  state.issuer = issuer;
  state.stop = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return state;
}
