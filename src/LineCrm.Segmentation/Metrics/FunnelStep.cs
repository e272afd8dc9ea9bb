namespace LineCrm.Segmentation.Metrics;

/// <summary>One step of a <see cref="Funnel{TEvent}"/>: a name and which events reach it.</summary>
/// <typeparam name="TEvent">The event type.</typeparam>
/// <param name="Name">The step's name, shown in reports.</param>
/// <param name="Matches">Whether an event completes the step (a C# predicate; a compiled segment expression fits here too).</param>
public sealed record FunnelStep<TEvent>(string Name, Func<TEvent, bool> Matches)
{
    /// <summary>The step's name, shown in reports.</summary>
    public string Name { get; init; } = string.IsNullOrWhiteSpace(Name)
        ? throw new ArgumentException("A funnel step needs a name.", nameof(Name))
        : Name;

    /// <summary>Whether an event completes the step.</summary>
    public Func<TEvent, bool> Matches { get; init; } = Matches ?? throw new ArgumentNullException(nameof(Matches));
}
