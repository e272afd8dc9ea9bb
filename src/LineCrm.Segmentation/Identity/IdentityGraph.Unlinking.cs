using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <remarks>This part: removing links and identifiers, which recomputes only the person concerned.</remarks>
public sealed partial class IdentityGraph
{
    /// <summary>
    /// Removes the link between two identifiers and recomputes their person, which may fall apart.
    /// </summary>
    /// <returns>
    /// The persons the person became (reported through <see cref="PersonsSplit"/> as well when it fell apart), or
    /// null when the two were not directly linked (nothing changed).
    /// </returns>
    /// <exception cref="ArgumentException">An identifier is <c>default</c>, or both are the same.</exception>
    public PersonSplit? Unlink(Identifier first, Identifier second)
    {
        Require(first, nameof(first));
        Require(second, nameof(second));
        if (first == second)
        {
            throw new ArgumentException($"'{first}' cannot be unlinked from itself; pass the two ends of a link.", nameof(second));
        }

        var state = _state;
        var a = state.FindNode(first);
        var b = state.FindNode(second);
        var link = a < 0 || b < 0 ? -1 : state.FindLink(a, b);
        if (link < 0)
        {
            return null;
        }

        var (original, persons) = state.Unlink(link);
        _recorder?.Unlink(first, second);
        return ReportSplit(original, persons);
    }

    /// <summary>
    /// Removes an identifier with all its links (a deletion request, a card reported stolen) and recomputes its
    /// person, which may fall apart or, when it was the last identifier, disappear.
    /// </summary>
    /// <returns>The persons the person became, or null when the graph did not hold the identifier.</returns>
    /// <exception cref="ArgumentException">The identifier is <c>default</c>.</exception>
    public PersonSplit? RemoveIdentifier(Identifier identifier)
    {
        var state = _state;
        var node = state.FindNode(Require(identifier));
        if (node < 0)
        {
            return null;
        }

        var (original, persons) = state.RemoveNode(node);
        _recorder?.RemoveIdentifier(identifier);
        return ReportSplit(original, persons);
    }

    private PersonSplit ReportSplit(int original, List<int> persons)
    {
        var split = new PersonSplit(new PersonId(original), [.. persons.Select(p => new PersonId(p))]);
        if (split.Changed)
        {
            PersonsSplit?.Invoke(this, split);
        }

        return split;
    }
}
