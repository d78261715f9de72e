import { type RouteConfig, index, route } from "@react-router/dev/routes";

// The whole URL map in one place. Dutch URLs: residents share them.
export default [
  index("routes/home.tsx"),
  route("gemeente/:code", "routes/gemeente.tsx"),
  route("buurt/:code", "routes/buurt.tsx"),
  route("gemeente/:code/buurtagenda-starten", "routes/buurtagenda-starten.tsx"),
  route("buurtagenda/:id", "routes/buurtagenda.tsx"),
  route("buurtagenda/:id/werkruimte", "routes/buurtagenda-werkruimte.tsx"),
  route("buurtagenda/:id/urgentie", "routes/buurtagenda-urgentie.tsx"),
  route("buurtagenda/:id/partijen", "routes/buurtagenda-partijen.tsx"),
  route("buurtagenda/:id/initiatieven", "routes/buurtagenda-initiatieven.tsx"),
  route("uitnodiging/:token", "routes/uitnodiging.tsx"),
  route("organisatie/:id", "routes/organisatie.tsx"),
  route("registreren", "routes/registreren.tsx"),
  route("bevestigen", "routes/bevestigen.tsx"),
  route("inloggen", "routes/inloggen.tsx"),
  route("inloggen/code", "routes/inloggen-code.tsx"),
  route("uitloggen", "routes/uitloggen.tsx"),
  route("wachtwoord-vergeten", "routes/wachtwoord-vergeten.tsx"),
  route("wachtwoord-herstellen/:token", "routes/wachtwoord-herstellen.tsx"),
  route("account", "routes/account.tsx"),
  route("taal", "routes/taal.tsx"),
  route("toegankelijkheid", "routes/toegankelijkheid.tsx"),
  route("privacy", "routes/privacy.tsx"),
  route("dev/mail", "routes/dev-mail.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
