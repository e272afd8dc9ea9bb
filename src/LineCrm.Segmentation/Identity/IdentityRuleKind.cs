namespace LineCrm.Segmentation.Identity;

/// <summary>The rule that refused a link or an identifier, as recorded in the audit log.</summary>
public enum IdentityRuleKind
{
    /// <summary>An identifier's value is on its type's blocked list or matches a blocked pattern.</summary>
    BlockedValue = 1,

    /// <summary>The link would give one person more identifiers of a type than <see cref="IdentifierTypeRule.MaxPerPerson"/>.</summary>
    MaxPerPerson = 2,

    /// <summary>The link would make a person larger than <see cref="IdentityRules.MaxPersonSize"/> (the hub guard).</summary>
    MaxPersonSize = 3,
}
