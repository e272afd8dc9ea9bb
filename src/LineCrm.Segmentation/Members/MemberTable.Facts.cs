using LineCrm.Identity;

namespace LineCrm.Segmentation.Members;

/// <remarks>This part: the custom facts of the table's <see cref="Schema"/>.</remarks>
public sealed partial class MemberTable
{
    /// <summary>Makes an empty table with the custom facts of <paramref name="schema"/> besides the built-in ones.</summary>
    /// <param name="resolver">Resolves event identifiers to persons, usually the identity graph.</param>
    /// <param name="schema">The facts the table keeps; segments over it are compiled with the same schema.</param>
    public MemberTable(IPersonResolver resolver, FactSchema schema)
        : this(resolver)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Custom = new CustomFactColumns(schema);
    }

    /// <summary>The facts the table keeps: <see cref="FactSchema.Default"/> unless it was made with a schema.</summary>
    public FactSchema Schema => Custom.Schema;

    internal CustomFactColumns Custom { get; private set; } = new(FactSchema.Default);

    /// <summary>Takes the custom facts of a loaded file (their schema comes with them).</summary>
    internal void AdoptLoaded(CustomFactColumns custom) => Custom = custom;

    /// <summary>Sets an int fact of a person (a double fact takes it too), adding the person when new.</summary>
    /// <param name="person">The person.</param>
    /// <param name="fact">The name of a scalar fact the schema declares.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException">The schema declares no such scalar fact, or declares it of another type.</exception>
    public void SetFact(PersonId person, string fact, long value)
    {
        var scalar = ScalarFact(fact, FactType.Int, FactType.Double);
        SetScalar(person, scalar, scalar.Declaration.Type == FactType.Double ? (object)(double)value : value);
    }

    /// <summary>Sets a double fact of a person, adding the person when new.</summary>
    /// <param name="person">The person.</param>
    /// <param name="fact">The name of a double fact the schema declares.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException">The schema declares no such scalar fact, or declares it of another type.</exception>
    public void SetFact(PersonId person, string fact, double value) => SetScalar(person, ScalarFact(fact, FactType.Double), value);

    /// <summary>Sets a bool fact of a person, adding the person when new.</summary>
    /// <param name="person">The person.</param>
    /// <param name="fact">The name of a bool fact the schema declares.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException">The schema declares no such scalar fact, or declares it of another type.</exception>
    public void SetFact(PersonId person, string fact, bool value) => SetScalar(person, ScalarFact(fact, FactType.Bool), value);

    /// <summary>Sets a string fact of a person, adding the person when new; the empty string clears it.</summary>
    /// <param name="person">The person.</param>
    /// <param name="fact">The name of a string fact the schema declares.</param>
    /// <param name="value">The value, at most 256 characters.</param>
    /// <exception cref="ArgumentException">The schema declares no such scalar fact, or declares it of another type, or the value is too long.</exception>
    public void SetFact(PersonId person, string fact, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var scalar = ScalarFact(fact, FactType.String);
        CheckValueLength(fact, value, nameof(value));
        SetScalar(person, scalar, value);
    }

    /// <summary>Sets a timestamp fact of a person, adding the person when new.</summary>
    /// <param name="person">The person.</param>
    /// <param name="fact">The name of a timestamp fact the schema declares.</param>
    /// <param name="value">The time; kept in UTC to 100 ns.</param>
    /// <exception cref="ArgumentException">The schema declares no such scalar fact, or declares it of another type.</exception>
    public void SetFact(PersonId person, string fact, DateTimeOffset value) => SetScalar(person, ScalarFact(fact, FactType.Timestamp), value.UtcTicks);

    /// <summary>Removes a person's value of a scalar fact; segments then read the type's zero.</summary>
    /// <param name="person">The person.</param>
    /// <param name="fact">The name of a scalar fact the schema declares.</param>
    /// <exception cref="ArgumentException">The schema declares no such scalar fact.</exception>
    public void ClearFact(PersonId person, string fact)
    {
        var scalar = ScalarFact(fact);
        CheckPerson(person, nameof(person));
        if (_rowOfPerson.TryGetValue(person.Value, out var row))
        {
            using var write = BeginWrite();
            Custom.Set(row, scalar, null);
        }
    }

    /// <summary>Appends a record to a person's list fact (a page view to <c>pageViews</c>), adding the person when new.</summary>
    /// <param name="person">The person.</param>
    /// <param name="list">The name of a list fact the schema declares.</param>
    /// <param name="record">The record: only fields the list declares, each of its declared type (an int field takes a long, a double field a double or a long).</param>
    /// <exception cref="ArgumentException">The schema declares no such list, or the record has a field the list does not declare or a value of the wrong type.</exception>
    public void AppendRecord(PersonId person, string list, FactRecord record)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(record);
        var declared = Schema.FindList(list) ?? throw new ArgumentException($"The schema declares no list fact '{list}'.", nameof(list));
        var values = new (CustomField Field, object Value)[record.Values.Count];
        var n = 0;
        foreach (var (name, value) in record.Values)
        {
            var field = declared.Field(name)
                ?? throw new ArgumentException($"The record type '{declared.Declaration.RecordType}' has no field '{name}'.", nameof(record));
            var stored = FieldValue(field, value)
                ?? throw new ArgumentException(
                    $"The field '{name}' of '{declared.Declaration.RecordType}' is a {FactSchema.CelName(field.Field.Type)}; the record gives a {value.GetType().Name}.",
                    nameof(record));
            if (stored is string text)
            {
                CheckValueLength($"{list}.{name}", text, nameof(record));
            }

            values[n++] = (field, stored);
        }

        CheckPerson(person, nameof(person));
        using var write = BeginWrite();
        var columns = Custom.Lists[declared.Index];
        var i = columns.AddRecord(RowFor(person));
        foreach (var (field, value) in values)
        {
            switch (field.Storage)
            {
                case FactStorage.Long:
                    columns.Longs[field.Slot][i] = (long)value;
                    break;
                case FactStorage.Double:
                    columns.Doubles[field.Slot][i] = (double)value;
                    break;
                case FactStorage.Bool:
                    columns.Bools[field.Slot][i] = (bool)value;
                    break;
                default:
                    columns.Strings[field.Slot][i] = Custom.Code((string)value);
                    break;
            }
        }
    }

    /// <summary>The custom facts of a row, for <see cref="MemberFacts.Custom"/>: set scalars, and every list (possibly empty).</summary>
    private Dictionary<string, object> CustomFactsOf(int row)
    {
        var facts = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var scalar in Schema.Scalars)
        {
            if (Custom.Get(row, scalar) is { } value)
            {
                facts[scalar.Declaration.Name] = scalar.Declaration.Type == FactType.Timestamp ? Utc((long)value) : value;
            }
        }

        foreach (var columns in Custom.Lists)
        {
            var records = new List<FactRecord>(columns.Counts[row]);
            for (int i = columns.Starts[row], end = i + columns.Counts[row]; i < end; i++)
            {
                var record = new FactRecord();
                foreach (var field in columns.List.Fields)
                {
                    record = field.Storage switch
                    {
                        FactStorage.Long when field.Field.Type == FactType.Timestamp => record.With(field.Field.Name, Utc(columns.Longs[field.Slot][i])),
                        FactStorage.Long => record.With(field.Field.Name, columns.Longs[field.Slot][i]),
                        FactStorage.Double => record.With(field.Field.Name, columns.Doubles[field.Slot][i]),
                        FactStorage.Bool => record.With(field.Field.Name, columns.Bools[field.Slot][i]),
                        _ => record.With(field.Field.Name, Custom.Text(columns.Strings[field.Slot][i])),
                    };
                }

                records.Add(record);
            }

            facts[columns.List.Declaration.Name] = records;
        }

        return facts;
    }

    private void SetScalar(PersonId person, CustomScalar scalar, object value)
    {
        CheckPerson(person, nameof(person));
        using var write = BeginWrite();
        Custom.Set(RowFor(person), scalar, value);
    }

    private CustomScalar ScalarFact(string fact, params ReadOnlySpan<FactType> types)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var scalar = Schema.FindScalar(fact) ?? throw new ArgumentException($"The schema declares no scalar fact '{fact}'.", nameof(fact));
        if (!types.IsEmpty && !types.Contains(scalar.Declaration.Type))
        {
            throw new ArgumentException($"The fact '{fact}' is a {scalar.Declaration.CelTypeName}; a {FactSchema.CelName(types[0])} was given.", nameof(fact));
        }

        return scalar;
    }

    // The value as its column holds it, or null when it is not of the field's type (a long widens to a double).
    private static object? FieldValue(CustomField field, object value) => (field.Field.Type, value) switch
    {
        (FactType.Int, long l) => l,
        (FactType.Double, double d) => d,
        (FactType.Double, long l) => (double)l,
        (FactType.Bool, bool b) => b,
        (FactType.String, string s) => s,
        (FactType.Timestamp, DateTimeOffset t) => t.UtcTicks,
        _ => null,
    };

    private static void CheckValueLength(string what, string value, string parameter)
    {
        if (value.Length > MaxTextLength)
        {
            throw new ArgumentException($"The value of '{what}' is {value.Length} characters long; the limit is {MaxTextLength}.", parameter);
        }
    }
}
