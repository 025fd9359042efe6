"""The monitor: watching feeds, the web, GDELT, the UN Digital Library, Common Crawl and the
depositary record, with a review queue for what it finds."""
