"""The read path: what a search asks (`params`, `facets`), the request body built from it
(`body`, pure), Elasticsearch asked (`execute`) and its answer shaped for readers (`shape`,
pure). Never imports the write path.
"""
