using System.Runtime.CompilerServices;

// The substrate's own tests check internal machinery (the StridedOffsets odometer) directly.
[assembly: InternalsVisibleTo("Foundations.Tests")]
