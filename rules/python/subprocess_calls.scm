; Candidate launch sites; aliases (`import subprocess as sp`, `from subprocess import run`) are
; resolved on the Python side, so a bare-name call is a candidate whatever its name. Asked only of files
; that import subprocess or asyncio.
; A candidate counts only if it resolves to subprocess.* or asyncio.create_subprocess_*, which the file
; must then spell.
; anchors: "subprocess"
(call function: (identifier) @func arguments: (argument_list) @args) @call
(call
  function: (attribute attribute: (identifier) @method
    (#any-of? @method "run" "Popen" "call" "check_call" "check_output"
      "create_subprocess_exec" "create_subprocess_shell")) @func
  arguments: (argument_list) @args) @call
