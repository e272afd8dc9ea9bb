using System.Collections.Concurrent;
using LineCrm.Events;

namespace LineCrm.Samples.WebhookBot.Linking;

/// <summary>
/// Where the sample puts the <see cref="IdentityLink"/>s account linking produces. In a CRM they feed the identity
/// graph (LineCrm.Segmentation), which then knows the LINE user and the site member are one person.
/// </summary>
public sealed class IdentityLinkLog
{
    private readonly ConcurrentQueue<IdentityLink> _links = new();

    /// <summary>Records a link.</summary>
    public void Add(IdentityLink link) => _links.Enqueue(link);

    /// <summary>Every link so far, oldest first.</summary>
    public IReadOnlyList<IdentityLink> Links => [.. _links];
}
