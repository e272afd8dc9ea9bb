namespace LineCrm.Events;

/// <summary>
/// A member of an open set of names (purchase channels, interaction kinds, link sources): LineCrm names the
/// common members, and any other valid name can be used without waiting for a release.
/// </summary>
/// <remarks>
/// Names are 1 to 64 characters of lowercase ASCII letters, digits, '_', '-' and '.', starting with a letter;
/// they are lowercased on the way in. Two members of one set are equal when their names are equal.
/// </remarks>
public abstract record OpenSetValue
{
    /// <summary>Validates and normalises the name.</summary>
    /// <param name="name">The member's name.</param>
    /// <param name="setName">The set's name, used in error messages ("purchase channel").</param>
    /// <exception cref="ArgumentException">The name is empty or not of the allowed form.</exception>
    protected OpenSetValue(string name, string setName) => Name = OpenSetName.Normalize(name, setName, nameof(name));

    /// <summary>The member's name.</summary>
    public string Name { get; }

    /// <summary>The member's name.</summary>
    public sealed override string ToString() => Name;

    /// <summary>The well-known member of <paramref name="known"/> with this name, or a new member made by <paramref name="create"/>.</summary>
    private protected static T FromName<T>(string name, IReadOnlyList<T> known, Func<string, T> create)
        where T : OpenSetValue
    {
        var candidate = create(name);
        foreach (var member in known)
        {
            if (member.Name == candidate.Name)
            {
                return member;
            }
        }

        return candidate;
    }
}
