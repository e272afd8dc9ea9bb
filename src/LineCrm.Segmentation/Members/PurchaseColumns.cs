namespace LineCrm.Segmentation.Members;

/// <summary>
/// Every person's purchases in flat columns (see <see cref="NestedRows"/>): when (UTC ticks), how much (exactly,
/// in <see cref="MoneyUnits"/>), the currency, channel, store and campaign as interned ids, and the distinct item
/// categories as a slice of <see cref="CategoryIds"/>.
/// </summary>
internal sealed class PurchaseColumns : NestedRows
{
    private long[] _at = [];
    private long[] _amountUnits = [];
    private int[] _currency = [];
    private int[] _channel = [];
    private int[] _store = [];
    private int[] _campaign = [];
    private int[] _categoryStart = [];
    private int[] _categoryCount = [];
    private int[] _categoryIds = [];
    private int _categoryIdsUsed;

    private long[] _newAt = [];
    private long[] _newAmountUnits = [];
    private int[] _newCurrency = [];
    private int[] _newChannel = [];
    private int[] _newStore = [];
    private int[] _newCampaign = [];
    private int[] _newCategoryStart = [];
    private int[] _newCategoryCount = [];

    public long[] At => _at;

    /// <summary>Each purchase's amount as a count of ten-thousandths of its currency unit (<see cref="MoneyUnits"/>).</summary>
    public long[] AmountUnits => _amountUnits;

    public int[] Currency => _currency;

    public int[] Channel => _channel;

    public int[] Store => _store;

    /// <summary>The campaign each purchase is attributed to, in the table's campaign pool (the interactions' one), or <see cref="StringPool.None"/>.</summary>
    public int[] Campaign => _campaign;

    public int[] CategoryStart => _categoryStart;

    public int[] CategoryCount => _categoryCount;

    /// <summary>The category ids of all purchases; each purchase's categories are a slice. Append-only.</summary>
    public int[] CategoryIds => _categoryIds;

    /// <summary>Appends one purchase to <paramref name="row"/>.</summary>
    public void Add(int row, long at, long amountUnits, int currency, int channel, int store, int campaign, ReadOnlySpan<int> categories)
    {
        var i = Append(row);
        _at[i] = at;
        _amountUnits[i] = amountUnits;
        _currency[i] = currency;
        _channel[i] = channel;
        _store[i] = store;
        _campaign[i] = campaign;
        _categoryStart[i] = _categoryIdsUsed;
        _categoryCount[i] = categories.Length;
        if (!categories.IsEmpty)
        {
            if (_categoryIdsUsed + categories.Length > _categoryIds.Length)
            {
                Array.Resize(ref _categoryIds, GrownSize(_categoryIds.Length, _categoryIdsUsed + categories.Length));
            }

            categories.CopyTo(_categoryIds.AsSpan(_categoryIdsUsed));
            _categoryIdsUsed += categories.Length;
        }
    }

    /// <inheritdoc />
    /// <summary>Loads an empty instance: per-row counts and the elements packed in row order.</summary>
    public void Load(int[] counts, long[] at, long[] amountUnits, int[] currency, int[] channel, int[] store, int[] campaign, int[] categoryCount, int[] categoryIds)
    {
        LoadCounts(counts);
        (_at, _amountUnits, _currency, _channel, _store, _campaign, _categoryCount, _categoryIds) = (at, amountUnits, currency, channel, store, campaign, categoryCount, categoryIds);
        _categoryStart = new int[at.Length];
        var next = 0;
        for (var i = 0; i < at.Length; i++)
        {
            _categoryStart[i] = next;
            next += categoryCount[i];
        }

        _categoryIdsUsed = next;
    }

    protected override void GrowElements(int length)
    {
        if (length <= _at.Length)
        {
            return;
        }

        var size = GrownSize(_at.Length, length);
        Array.Resize(ref _at, size);
        Array.Resize(ref _amountUnits, size);
        Array.Resize(ref _currency, size);
        Array.Resize(ref _channel, size);
        Array.Resize(ref _store, size);
        Array.Resize(ref _campaign, size);
        Array.Resize(ref _categoryStart, size);
        Array.Resize(ref _categoryCount, size);
    }

    /// <inheritdoc />
    protected override void MoveElements(int from, int to, int length)
    {
        Array.Copy(_at, from, _at, to, length);
        Array.Copy(_amountUnits, from, _amountUnits, to, length);
        Array.Copy(_currency, from, _currency, to, length);
        Array.Copy(_channel, from, _channel, to, length);
        Array.Copy(_store, from, _store, to, length);
        Array.Copy(_campaign, from, _campaign, to, length);
        Array.Copy(_categoryStart, from, _categoryStart, to, length);
        Array.Copy(_categoryCount, from, _categoryCount, to, length);
    }

    /// <inheritdoc />
    protected override void BeginCompaction(int length)
    {
        _newAt = new long[length];
        _newAmountUnits = new long[length];
        _newCurrency = new int[length];
        _newChannel = new int[length];
        _newStore = new int[length];
        _newCampaign = new int[length];
        _newCategoryStart = new int[length];
        _newCategoryCount = new int[length];
    }

    /// <inheritdoc />
    protected override void CopyToCompacted(int from, int to, int length)
    {
        Array.Copy(_at, from, _newAt, to, length);
        Array.Copy(_amountUnits, from, _newAmountUnits, to, length);
        Array.Copy(_currency, from, _newCurrency, to, length);
        Array.Copy(_channel, from, _newChannel, to, length);
        Array.Copy(_store, from, _newStore, to, length);
        Array.Copy(_campaign, from, _newCampaign, to, length);
        Array.Copy(_categoryStart, from, _newCategoryStart, to, length);
        Array.Copy(_categoryCount, from, _newCategoryCount, to, length);
    }

    /// <inheritdoc />
    protected override void EndCompaction()
    {
        (_at, _amountUnits, _currency, _channel, _store, _campaign, _categoryStart, _categoryCount) =
            (_newAt, _newAmountUnits, _newCurrency, _newChannel, _newStore, _newCampaign, _newCategoryStart, _newCategoryCount);
        _newAt = [];
        _newAmountUnits = [];
        _newCurrency = [];
        _newChannel = [];
        _newStore = [];
        _newCampaign = [];
        _newCategoryStart = [];
        _newCategoryCount = [];
    }
}
