using System.Runtime.CompilerServices;

// The substrate's own tests check internal machinery (the StridedOffsets odometer) directly.
[assembly: InternalsVisibleTo("Foundations.Tests")]
// The ladder times the portable kernel on its own (a learner without OpenBLAS gets it) and asks whether OpenBLAS
// recognised the CPU (OpenBlasCores).
[assembly: InternalsVisibleTo("Benchmarks")]
