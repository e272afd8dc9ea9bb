using BenchmarkDotNet.Running;

// Every suite in this assembly; pick with --filter, for example --filter '*IdentifierBenchmarks*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
