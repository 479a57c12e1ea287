"""The shells around the pipeline: ``assembly`` builds the app from a config, ``app`` is the ASGI
application (CORS, the access log, the admin routes), ``guard`` holds the Host and Origin policies,
``admin`` the ``/__admin`` endpoints and the request journal, ``reload`` the hot reload, and
``http`` the HTTP protocol with its connection limits."""
