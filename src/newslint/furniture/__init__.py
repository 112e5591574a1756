"""Page furniture: what a web page wraps around a story, left in the copy by a scraper.

* `score`: whether one block is furniture, from its structure and a chrome vocabulary;
* `lines`: the shape in which lines are compared across articles (numbers and dates
  normalised), and the learned lists a Boilerplate rule reads (`furniture:`);
* `learn`: `newslint furniture learn ARCHIVE`, a site's furniture learned from its archive.
"""
