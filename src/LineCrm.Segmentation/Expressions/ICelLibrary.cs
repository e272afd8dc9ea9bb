namespace LineCrm.Segmentation.Expressions;

/// <summary>
/// A set of functions and macros enabled together, as cel-go's <c>Library</c>: the standard extensions
/// (<c>Extensions.CelExtensions</c>) and a host's own declarations plug into an environment the same way.
/// </summary>
internal interface ICelLibrary
{
    /// <summary>A unique name (<c>cel.lib.ext.strings</c>); enabling a library twice is a no-op.</summary>
    string Name { get; }

    /// <summary>Adds the library's declarations to <paramref name="environment"/> (through its <c>With...</c>
    /// methods) and returns the result.</summary>
    CelEnvironment Configure(CelEnvironment environment);
}
