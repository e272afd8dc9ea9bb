namespace LineCrm.Segmentation.Members;

/// <summary>
/// Every person's interactions in flat columns (see <see cref="NestedRows"/>): when (UTC ticks), the kind, the
/// campaign and the target as interned ids.
/// </summary>
internal sealed class InteractionColumns : NestedRows
{
    private long[] _at = [];
    private int[] _kind = [];
    private int[] _campaign = [];
    private int[] _target = [];

    private long[] _newAt = [];
    private int[] _newKind = [];
    private int[] _newCampaign = [];
    private int[] _newTarget = [];

    public long[] At => _at;

    public int[] Kind => _kind;

    public int[] Campaign => _campaign;

    public int[] Target => _target;

    /// <summary>Appends one interaction to <paramref name="row"/>.</summary>
    public void Add(int row, long at, int kind, int campaign, int target)
    {
        var i = Append(row);
        _at[i] = at;
        _kind[i] = kind;
        _campaign[i] = campaign;
        _target[i] = target;
    }

    /// <inheritdoc />
    /// <summary>Loads an empty instance: per-row counts and the elements packed in row order.</summary>
    public void Load(int[] counts, long[] at, int[] kind, int[] campaign, int[] target)
    {
        LoadCounts(counts);
        (_at, _kind, _campaign, _target) = (at, kind, campaign, target);
    }

    protected override void GrowElements(int length)
    {
        if (length <= _at.Length)
        {
            return;
        }

        var size = GrownSize(_at.Length, length);
        Array.Resize(ref _at, size);
        Array.Resize(ref _kind, size);
        Array.Resize(ref _campaign, size);
        Array.Resize(ref _target, size);
    }

    /// <inheritdoc />
    protected override void MoveElements(int from, int to, int length)
    {
        Array.Copy(_at, from, _at, to, length);
        Array.Copy(_kind, from, _kind, to, length);
        Array.Copy(_campaign, from, _campaign, to, length);
        Array.Copy(_target, from, _target, to, length);
    }

    /// <inheritdoc />
    protected override void BeginCompaction(int length)
    {
        _newAt = new long[length];
        _newKind = new int[length];
        _newCampaign = new int[length];
        _newTarget = new int[length];
    }

    /// <inheritdoc />
    protected override void CopyToCompacted(int from, int to, int length)
    {
        Array.Copy(_at, from, _newAt, to, length);
        Array.Copy(_kind, from, _newKind, to, length);
        Array.Copy(_campaign, from, _newCampaign, to, length);
        Array.Copy(_target, from, _newTarget, to, length);
    }

    /// <inheritdoc />
    protected override void EndCompaction()
    {
        (_at, _kind, _campaign, _target) = (_newAt, _newKind, _newCampaign, _newTarget);
        _newAt = [];
        _newKind = [];
        _newCampaign = [];
        _newTarget = [];
    }
}
