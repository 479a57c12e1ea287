"""``--stateful``: records kept between requests, driven by ``spec/mock-resources.yaml``.

``mapping`` reads and checks that file, ``schema`` looks its names up in the spec, ``template``
evaluates its ``$body``/``$path``/``$id`` expressions, ``hooks`` are its named functions,
``index`` keeps the records, ``store`` is the engine, and ``seam`` is the typed boundary the
pipeline talks to.
"""
