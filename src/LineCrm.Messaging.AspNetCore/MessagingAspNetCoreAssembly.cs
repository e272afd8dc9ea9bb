namespace LineCrm.Messaging.AspNetCore;

/// <summary>
/// Marks the LineCrm.Messaging.AspNetCore assembly, so tools and tests can find it with <c>typeof(MessagingAspNetCoreAssembly).Assembly</c>
/// before any other public type is in reach.
/// </summary>
public static class MessagingAspNetCoreAssembly
{
    /// <summary>The package's name, used for its <c>ActivitySource</c> and <c>Meter</c>.</summary>
    public const string Name = "LineCrm.Messaging.AspNetCore";
}
