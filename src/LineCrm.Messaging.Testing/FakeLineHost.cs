namespace LineCrm.Messaging.Testing;

/// <summary>Which of LINE's hosts the fake plays.</summary>
public enum FakeLineHost
{
    /// <summary><c>api.line.me</c>.</summary>
    Api,

    /// <summary><c>api-data.line.me</c>.</summary>
    Data,
}
