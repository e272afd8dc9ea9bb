using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <summary>The kinds of accepted call a change record holds; the numbers are the stored form (never reused).</summary>
internal enum GraphChangeKind : byte
{
    AddIdentifier = 1,
    AddIdentifiers = 2,
    Link = 3,
    AddLinks = 4,
    Unlink = 5,
    RemoveIdentifier = 6,
    Forget = 7,
    ClearAuditLog = 8,
}

/// <summary>
/// One call that changed the graph, with its arguments: the graph's operations are deterministic given its rules (and
/// the refusal times, which <see cref="ChangeRecorder"/> keeps beside), so replaying the calls in order reproduces
/// the state exactly. Arrays are the graph's own copies, never the caller's.
/// </summary>
internal readonly record struct GraphChange(
    GraphChangeKind Kind,
    Identifier First = default,
    Identifier Second = default,
    IdentityLink? Link = null,
    Identifier[]? Identifiers = null,
    IdentityLink[]? Links = null,
    long Person = 0)
{
    /// <summary>Identifiers and links the call carries, for the size of a record.</summary>
    public long Elements => Kind switch
    {
        GraphChangeKind.AddIdentifiers => Identifiers!.Length,
        GraphChangeKind.AddLinks => Links!.Length,
        _ => 1,
    };

    /// <summary>Applies the call to <paramref name="graph"/> as the recorded call did.</summary>
    public void ReplayOn(IdentityGraph graph)
    {
        switch (Kind)
        {
            case GraphChangeKind.AddIdentifier: graph.TryAddIdentifier(First, out _); break;
            case GraphChangeKind.AddIdentifiers: graph.AddIdentifiers(Identifiers!); break;
            case GraphChangeKind.Link: graph.Link(Link!); break;
            case GraphChangeKind.AddLinks: graph.AddLinks(Links!); break;
            case GraphChangeKind.Unlink: graph.Unlink(First, Second); break;
            case GraphChangeKind.RemoveIdentifier: graph.RemoveIdentifier(First); break;
            case GraphChangeKind.Forget: graph.Forget(new PersonId(Person)); break;
            case GraphChangeKind.ClearAuditLog: graph.ClearAuditLog(); break;
            default: throw new InvalidOperationException($"Unknown change kind {Kind}.");
        }
    }
}
