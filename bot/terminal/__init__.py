"""The console's side of the local Discord: what a Discord client does for the person at the
keyboard, in a terminal. ``world`` keeps the local server and its people across restarts,
``session`` sends what is typed (files attached from disk, buttons pressed by label) and collects
every reply, saving the files the bot sends; ``completion`` lists an option's choices; ``logs``
keeps the bot's log lines out of the prompt. bot/console.py puts them together."""
