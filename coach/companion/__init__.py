"""The companion: a local language model that listens, guarded on both sides.

`catalog` (models the user can pull), `gguf` (reads a model file's header),
`fetch` (download with resume and checks), `threads` (how many cores to use),
`runtime` (llama.cpp, imported lazily), `prompt` (the system prompt and the
user's context), `memory` (stored conversations, fitting them in the window),
`backends` (local llama.cpp or a llama.cpp server) and `companion` (one turn:
safety check, model, guard). None of it imports Textual or Typer.
"""
