using LineCrm.Segmentation.Expressions.Evaluation;

namespace LineCrm.Segmentation.Tests.Expressions;

/// <summary>CEL equality for assertions on lists and maps.</summary>
internal sealed class CelValueComparer : IEqualityComparer<object>
{
    public static CelValueComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => x is not null && y is not null && CelEquality.Equal(x, y);

    public int GetHashCode(object obj) => 0;
}
