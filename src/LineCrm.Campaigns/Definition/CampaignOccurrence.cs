namespace LineCrm.Campaigns.Definition;

/// <summary>One run of a campaign: the key its deliveries are recorded under, and when it sends.</summary>
/// <param name="Key">
/// The run's name, stable across restarts: <c>once</c> for a one-off campaign, the local date (<c>2026-12-05</c>)
/// for a recurring one. A person is sent at most once per campaign and key.
/// </param>
/// <param name="At">When the run sends (before quiet hours move a person's message).</param>
public sealed record CampaignOccurrence(string Key, DateTimeOffset At);
