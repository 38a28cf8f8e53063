"""What every feature stands on: configuration, the Flask extensions and database, language,
error pages, security headers, shared form fields, links, time, random codes, the extension
points (page panels), and the list of feature blueprints."""
