namespace LineCrm.Segmentation.Members;

/// <summary>The type of a declared fact, or of a field of a declared record: the CEL types a column can hold.</summary>
#pragma warning disable CA1720 // The members are named after the CEL types they hold, which is what a user looks for.
public enum FactType
{
    /// <summary>CEL <c>bool</c>; unset reads as <c>false</c>.</summary>
    Bool,

    /// <summary>CEL <c>int</c> (64-bit); unset reads as <c>0</c>.</summary>
    Int,

    /// <summary>CEL <c>double</c>; unset reads as <c>0.0</c>.</summary>
    Double,

    /// <summary>CEL <c>string</c>, interned; unset (and the empty string) reads as <c>""</c>.</summary>
    String,

    /// <summary>CEL <c>google.protobuf.Timestamp</c>, to 100 ns; unset reads as the Unix epoch, as built-in times do.</summary>
    Timestamp,
}
#pragma warning restore CA1720
