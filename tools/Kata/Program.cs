using Kata;

// The worker verb skips the command line library: it is started once per test run and should start fast.
if (args.Length > 0 && args[0] == Worker.Verb) return Worker.Run(args[1..]);
if (args.Length > 1 && args[0] == Worker.ServeVerb) return Worker.Serve(args[1..]);
return Cli.Run(args);
