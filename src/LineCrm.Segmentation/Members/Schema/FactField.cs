namespace LineCrm.Segmentation.Members;

/// <summary>A field of the records of a declared list fact, such as <c>productId</c> of a page view.</summary>
/// <param name="Name">The field's CEL name: a letter or underscore, then letters, digits or underscores.</param>
/// <param name="Type">The field's type.</param>
public sealed record FactField(string Name, FactType Type);
