namespace LineCrm.Messaging;

/// <summary>
/// Marks the LineCrm.Messaging assembly, so tools and tests can find it with <c>typeof(MessagingAssembly).Assembly</c>
/// before any other public type is in reach.
/// </summary>
public static class MessagingAssembly
{
    /// <summary>The package's name, used for its <c>ActivitySource</c> and <c>Meter</c>.</summary>
    public const string Name = "LineCrm.Messaging";
}
