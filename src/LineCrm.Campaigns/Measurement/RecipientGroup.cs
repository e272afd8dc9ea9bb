namespace LineCrm.Campaigns.Measurement;

/// <summary>Which side of a campaign's comparison a person is on.</summary>
public enum RecipientGroup
{
    /// <summary>Assigned to be messaged (whether the caps let the message through or not).</summary>
    Treatment,

    /// <summary>Held out of the campaign: never messaged by it, measured from when they would have been.</summary>
    Holdout,
}
