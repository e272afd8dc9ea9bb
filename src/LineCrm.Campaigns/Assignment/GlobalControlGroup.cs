using LineCrm.Identity;

namespace LineCrm.Campaigns.Assignment;

/// <summary>
/// The global control group: a fixed share of all persons whom no campaign ever messages, so that the effect of
/// messaging as a whole can be measured. A person is in it when their point, the hash of
/// <c>control:&lt;salt&gt;:&lt;person&gt;</c> (docs/campaigns.md), is below the share. The same salt assigns the
/// same persons in every process and version; a new salt is the one way to reshuffle the group.
/// </summary>
public sealed class GlobalControlGroup
{
    /// <summary>The smallest share accepted: 1%.</summary>
    public const double MinShare = 0.01;

    /// <summary>The largest share accepted: 15%.</summary>
    public const double MaxShare = 0.15;

    /// <summary>The longest salt accepted, in characters.</summary>
    public const int MaxSaltLength = 64;

    /// <summary>The purpose part of the hash input.</summary>
    internal const string Purpose = "control";

    private readonly StableHash _hash;

    /// <summary>Makes the group.</summary>
    /// <param name="share">The share of persons in it, as a fraction: 0.05 for 5%, from <see cref="MinShare"/> to <see cref="MaxShare"/>.</param>
    /// <param name="salt">1 to <see cref="MaxSaltLength"/> ASCII letters, digits, '-', '_' or '.'; change it only to reshuffle the group.</param>
    /// <exception cref="ArgumentOutOfRangeException">The share is outside 1% to 15% (or not a number).</exception>
    /// <exception cref="ArgumentException">The salt is empty, too long or has another character.</exception>
    public GlobalControlGroup(double share, string salt)
    {
        ArgumentNullException.ThrowIfNull(salt);
        if (!(share >= MinShare && share <= MaxShare))
        {
            throw new ArgumentOutOfRangeException(
                nameof(share), share,
                $"The global control group's share is a fraction from {MinShare} (1%) to {MaxShare} (15%), for example 0.05 for 5%; got {share}.");
        }

        Share = share;
        Salt = HashKey.Validate(salt, MaxSaltLength, "control group salt", nameof(salt));
        _hash = new StableHash(Purpose, Salt);
    }

    /// <summary>The share of persons in the group, as a fraction.</summary>
    public double Share { get; }

    /// <summary>The salt that fixes who is in the group.</summary>
    public string Salt { get; }

    /// <summary>Whether the person is in the group, and so must never be messaged.</summary>
    public bool Contains(PersonId person) => _hash.Unit(CheckPerson(person)) < Share;

    internal static PersonId CheckPerson(PersonId person, string parameterName = "person")
        => person.IsDefault ? throw new ArgumentException("default(PersonId) is nobody and has no assignment.", parameterName) : person;
}
