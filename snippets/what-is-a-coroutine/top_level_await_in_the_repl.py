import subprocess
import sys

# One line typed into the asyncio REPL (python -m asyncio): a top-level await.
line = "await asyncio.sleep(0.1, result='Hello from a top-level await')\n"
repl = subprocess.run(
    [sys.executable, "-m", "asyncio"],
    input=line,
    capture_output=True,  # the REPL's banner goes to stderr; not shown
    text=True,
    check=True,
)
print(repl.stdout)  # its prompts and the value the await gave back
