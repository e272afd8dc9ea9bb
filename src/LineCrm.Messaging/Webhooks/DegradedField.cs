namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// A field the parser could not read and read as absent instead (null, empty or zero), so that one odd value does not
/// cost the event or the rest of the body: a value of the wrong JSON kind, a string with a lone surrogate escape, a
/// number out of range, or a whole event that is not an object.
/// </summary>
/// <param name="Path">The JSON path of the value in the body, for example <c>$.events[2].message.keywords</c>.</param>
/// <param name="RawJson">The value's JSON text exactly as received (escapes kept), so nothing of it is lost.</param>
/// <param name="Reason">What was wrong with it, for example <c>Expected an array but found an object.</c></param>
public sealed record DegradedField(string Path, string RawJson, string Reason);
