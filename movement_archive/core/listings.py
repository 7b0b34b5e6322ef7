"""The pages of the reading rooms that list records rather than show one: where a walk of the whole archive
begins (the static mirror) and what a sitemap names besides the records (``syndication``)."""

LIST_PAGES = (
    "core:home",
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
