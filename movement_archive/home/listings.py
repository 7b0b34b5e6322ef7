"""The pages of the reading rooms that list records rather than show one: where a walk of the whole archive
begins (the static mirror) and what a sitemap names besides the records (``syndication``).

In the home app, which knows every app's pages; plain names, so the surfaces that read it import nothing more."""

LIST_PAGES = (
    "home:home",
    "organisations:list",
    "people:list",
    "places:list",
    "places:map",
    "organising:list",
    "events:timeline",
    "documentary:list",
    "interviews:list",
    "sources:list",
)
