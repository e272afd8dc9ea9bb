namespace LineCrm.Segmentation.Expressions.Checking;

/// <summary>Validates names given to declarations, so a declared name can always be written in an expression.</summary>
internal static class DeclarationNames
{
    /// <summary>A simple (<c>book</c>) or dotted (<c>shop.book</c>) name of identifiers.</summary>
    public static void Validate(string name, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, parameter);
        foreach (var part in name.Split('.'))
        {
            if (!IsIdentifier(part))
            {
                throw new ArgumentException(
                    $"'{name}' is not a valid CEL name: use letters, digits and underscores, separated by dots.", parameter);
            }
        }
    }

    /// <summary>A field name: one identifier.</summary>
    public static void ValidateField(string name, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, parameter);
        if (!IsIdentifier(name))
        {
            throw new ArgumentException($"'{name}' is not a valid CEL field name.", parameter);
        }
    }

    private static bool IsIdentifier(string part) =>
        part.Length > 0
        && Syntax.Lexer.IsIdentifierStart(part[0])
        && part.All(Syntax.Lexer.IsIdentifierPart);
}
