; Candidate calls of configuration libraries (environs, python-decouple, django-environ, dotenv) and of
; helper functions; which callee a call names is decided on the Python side through the imports.
(call function: [(identifier) (attribute)] @func arguments: (argument_list) @args) @call
