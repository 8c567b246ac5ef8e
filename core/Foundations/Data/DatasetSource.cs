namespace Foundations.Data;

/// <summary>Where a dataset was read from.</summary>
public enum DatasetSource
{
    /// <summary>The full dataset, from files installed on this machine.</summary>
    Installed,

    /// <summary>The small subset embedded in the Foundations assembly, so everything works with no install.</summary>
    Embedded,
}
