using LineCrm.Identity;

namespace LineCrm.Segmentation.Members;

/// <summary>
/// Tells the member table which person an identifier belongs to. The identity graph is the real resolver;
/// <see cref="IdentifierKeyedPersonResolver"/> treats every identifier as its own person.
/// </summary>
public interface IPersonResolver
{
    /// <summary>The person <paramref name="identifier"/> belongs to, making a new person for an identifier never seen.</summary>
    /// <param name="identifier">A valid identifier (never <c>default</c>).</param>
    /// <returns>A person id (never <c>default</c>).</returns>
    PersonId Resolve(Identifier identifier);
}
