namespace Foundations.OpenCL;

/// <summary>How kernels may use a buffer (<c>CL_MEM_READ_ONLY</c>, …). The device may place read-only
/// buffers where reads are cheaper; a kernel writing to one is undefined behaviour, so say what you mean.</summary>
public enum OpenClAccess
{
    /// <summary>Kernels only read it (inputs).</summary>
    ReadOnly,
    /// <summary>Kernels only write it (outputs).</summary>
    WriteOnly,
    /// <summary>Kernels read and write it.</summary>
    ReadWrite,
}
