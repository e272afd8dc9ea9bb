using System.Globalization;
using static LineCrm.Segmentation.Members.Files.MemberTableFormat;

namespace LineCrm.Segmentation.Members.Files;

/// <summary>
/// The custom facts' part of a member table file (version 2): the declarations, the string values live persons
/// hold, then each kind of scalar column and each kind of record column, every column of a kind back to back. The
/// declarations are strings: per scalar <c>scalar, name, type, description</c>; per list <c>list, name, record
/// type, description, field count</c> and then <c>name, type</c> per field.
/// </summary>
internal static class CustomFactsFile
{
    private const string ScalarKind = "scalar";
    private const string ListKind = "list";
    private static readonly long MaxTicks = DateTime.MaxValue.Ticks;

    public static void Write(ColumnFileWriter writer, CustomFactColumns custom, int[] rows)
    {
        var schema = custom.Schema;
        writer.WriteStrings((int)Section.CustomSchema, Declarations(schema));
        var (values, newCode) = HeldValues(custom, rows);
        writer.WriteStrings((int)Section.CustomValues, values);
        writer.WriteColumn((int)Section.CustomLongs, Gathered(custom.Longs, rows).AsSpan());
        writer.WriteColumn((int)Section.CustomDoubles, Gathered(custom.Doubles, rows).AsSpan());
        writer.WriteColumn((int)Section.CustomBools, Gathered(custom.Bools, rows).Select(b => b ? (byte)1 : (byte)0).ToArray().AsSpan());
        writer.WriteColumn((int)Section.CustomStrings, Gathered(custom.Strings, rows).Select(c => newCode[c]).ToArray().AsSpan());
        writer.WriteColumn((int)Section.CustomIsSet, custom.IsSet.SelectMany(bits => GatheredBits(bits, rows)).ToArray().AsSpan());
        writer.WriteColumn((int)Section.RecordCounts, custom.Lists.SelectMany(l => rows.Select(r => l.Counts[r])).ToArray().AsSpan());
        writer.WriteColumn((int)Section.RecordLongs, custom.Lists.SelectMany(l => l.Longs.SelectMany(c => Elements(l, c, rows))).ToArray().AsSpan());
        writer.WriteColumn((int)Section.RecordDoubles, custom.Lists.SelectMany(l => l.Doubles.SelectMany(c => Elements(l, c, rows))).ToArray().AsSpan());
        writer.WriteColumn((int)Section.RecordBools, custom.Lists.SelectMany(l => l.Bools.SelectMany(c => Elements(l, c, rows))).Select(b => b ? (byte)1 : (byte)0).ToArray().AsSpan());
        writer.WriteColumn((int)Section.RecordStrings, custom.Lists.SelectMany(l => l.Strings.SelectMany(c => Elements(l, c, rows))).Select(c => newCode[c]).ToArray().AsSpan());
    }

    public static LoadedCustomFacts Read(ColumnFileReader r) => new()
    {
        Declarations = r.ReadStrings((int)Section.CustomSchema, nameof(Section.CustomSchema)),
        Values = r.ReadStrings((int)Section.CustomValues, nameof(Section.CustomValues)),
        Longs = r.ReadColumn<long>((int)Section.CustomLongs, nameof(Section.CustomLongs)),
        Doubles = r.ReadColumn<double>((int)Section.CustomDoubles, nameof(Section.CustomDoubles)),
        Bools = r.ReadColumn<byte>((int)Section.CustomBools, nameof(Section.CustomBools)),
        Strings = r.ReadColumn<int>((int)Section.CustomStrings, nameof(Section.CustomStrings)),
        IsSet = r.ReadColumn<ulong>((int)Section.CustomIsSet, nameof(Section.CustomIsSet)),
        RecordCounts = r.ReadColumn<int>((int)Section.RecordCounts, nameof(Section.RecordCounts)),
        RecordLongs = r.ReadColumn<long>((int)Section.RecordLongs, nameof(Section.RecordLongs)),
        RecordDoubles = r.ReadColumn<double>((int)Section.RecordDoubles, nameof(Section.RecordDoubles)),
        RecordBools = r.ReadColumn<byte>((int)Section.RecordBools, nameof(Section.RecordBools)),
        RecordStrings = r.ReadColumn<int>((int)Section.RecordStrings, nameof(Section.RecordStrings)),
    };

    /// <summary>Checks the loaded part against itself and the number of persons, then builds the table's custom columns.</summary>
    public static CustomFactColumns Build(LoadedCustomFacts f, int persons)
    {
        var schema = Schema(f.Declarations);
        var custom = new CustomFactColumns(schema);
        if (f.Values.Any(string.IsNullOrEmpty) || !custom.Values.TryLoad(f.Values))
        {
            Fail("CustomValues holds an empty string or one twice");
        }

        var scalars = schema.Scalars;
        var longs = Split(f.Longs, scalars.Count(s => s.Storage == FactStorage.Long), persons, Section.CustomLongs);
        var doubles = Split(f.Doubles, scalars.Count(s => s.Storage == FactStorage.Double), persons, Section.CustomDoubles);
        var bools = Split(f.Bools, scalars.Count(s => s.Storage == FactStorage.Bool), persons, Section.CustomBools);
        var strings = Split(f.Strings, scalars.Count(s => s.Storage == FactStorage.String), persons, Section.CustomStrings);
        var isSet = Split(f.IsSet, scalars.Length, Bits.WordsFor(persons), Section.CustomIsSet);
        foreach (var scalar in scalars.Where(s => s.Declaration.Type == FactType.Timestamp))
        {
            Times(longs[scalar.Slot], Section.CustomLongs);
        }

        Values(bools, Section.CustomBools);
        Codes(strings, f.Values.Count, Section.CustomStrings);
        foreach (var bits in isSet)
        {
            if (persons % 64 != 0 && (bits[persons >> 6] >> (persons & 63)) != 0)
            {
                Fail("CustomIsSet sets bits past the last person");
            }
        }

        custom.LoadScalars(persons, longs, doubles, [.. bools.Select(c => c.Select(b => b == 1).ToArray())], strings, isSet);

        var counts = Split(f.RecordCounts, schema.Lists.Length, persons, Section.RecordCounts);
        var (longAt, doubleAt, boolAt, stringAt) = (0L, 0L, 0L, 0L);
        foreach (var list in schema.Lists)
        {
            var records = counts[list.Index];
            long total = 0;
            foreach (var count in records)
            {
                total += count >= 0 ? count : Fail($"a person has {count} records in '{list.Declaration.Name}'");
            }

            if (total > Array.MaxLength)
            {
                Fail($"'{list.Declaration.Name}' claims {total} records");
            }

            var n = (int)total;
            var listLongs = Take(f.RecordLongs, ref longAt, list.LongCount, n, Section.RecordLongs);
            foreach (var field in list.Fields.Where(x => x.Field.Type == FactType.Timestamp))
            {
                Times(listLongs[field.Slot], Section.RecordLongs);
            }

            var listDoubles = Take(f.RecordDoubles, ref doubleAt, list.DoubleCount, n, Section.RecordDoubles);
            var listBools = Take(f.RecordBools, ref boolAt, list.BoolCount, n, Section.RecordBools);
            Values(listBools, Section.RecordBools);
            var listStrings = Take(f.RecordStrings, ref stringAt, list.StringCount, n, Section.RecordStrings);
            Codes(listStrings, f.Values.Count, Section.RecordStrings);
            custom.Lists[list.Index].Load(records, listLongs, listDoubles, [.. listBools.Select(c => c.Select(b => b == 1).ToArray())], listStrings);
        }

        Ended(f.RecordLongs.Length, longAt, Section.RecordLongs);
        Ended(f.RecordDoubles.Length, doubleAt, Section.RecordDoubles);
        Ended(f.RecordBools.Length, boolAt, Section.RecordBools);
        Ended(f.RecordStrings.Length, stringAt, Section.RecordStrings);
        return custom;
    }

    private static List<string> Declarations(FactSchema schema)
    {
        var text = new List<string>();
        foreach (var fact in schema.Facts.Where(f => !f.IsBuiltIn))
        {
            switch (fact)
            {
                case ScalarFactDeclaration scalar:
                    text.AddRange([ScalarKind, scalar.Name, scalar.Type.ToString(), scalar.Description]);
                    break;
                case ListFactDeclaration list:
                    text.AddRange([ListKind, list.Name, list.RecordType, list.Description, list.Fields.Length.ToString(CultureInfo.InvariantCulture)]);
                    foreach (var field in list.Fields)
                    {
                        text.AddRange([field.Name, field.Type.ToString()]);
                    }

                    break;
            }
        }

        return text;
    }

    private static FactSchema Schema(List<string> text)
    {
        var schema = FactSchema.Default;
        var i = 0;
        string Next() => i < text.Count ? text[i++] : Fail<string>("CustomSchema ends inside a declaration");
        try
        {
            while (i < text.Count)
            {
                var kind = Next();
                if (kind == ScalarKind)
                {
                    var (name, type, description) = (Next(), Type(Next()), Next());
                    schema = schema.WithScalar(name, type, description);
                }
                else if (kind == ListKind)
                {
                    var (name, recordType, description) = (Next(), Next(), Next());
                    if (!int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var fieldCount) || fieldCount > CustomList.MaxFields)
                    {
                        Fail($"the list '{name}' has a bad field count");
                    }

                    var fields = new FactField[fieldCount];
                    for (var f = 0; f < fieldCount; f++)
                    {
                        fields[f] = new FactField(Next(), Type(Next()));
                    }

                    schema = schema.WithList(name, recordType, fields, description);
                }
                else
                {
                    Fail($"CustomSchema has a declaration of kind '{kind}'");
                }
            }
        }
        catch (ArgumentException e)
        {
            Fail($"CustomSchema declares what a schema refuses ({e.Message})");
        }

        return schema;
    }

    private static FactType Type(string name) =>
        Enum.TryParse<FactType>(name, ignoreCase: false, out var type) && Enum.IsDefined(type) && !char.IsDigit(name[0])
            ? type
            : Fail<FactType>($"CustomSchema names the type '{name}'");

    private static (List<string> Values, int[] NewCode) HeldValues(CustomFactColumns custom, int[] rows)
    {
        var held = new bool[custom.Values.Count + 1];
        foreach (var column in custom.Strings)
        {
            foreach (var row in rows)
            {
                held[column[row]] = true;
            }
        }

        foreach (var list in custom.Lists)
        {
            foreach (var column in list.Strings)
            {
                foreach (var code in Elements(list, column, rows))
                {
                    held[code] = true;
                }
            }
        }

        var values = new List<string>();
        var newCode = new int[held.Length];
        for (var code = 1; code < held.Length; code++)
        {
            if (held[code])
            {
                values.Add(custom.Values[code - 1]);
                newCode[code] = values.Count;
            }
        }

        return (values, newCode);
    }

    private static T[] Gathered<T>(T[][] columns, int[] rows) => [.. columns.SelectMany(c => rows.Select(r => c[r]))];

    private static ulong[] GatheredBits(ulong[] bits, int[] rows)
    {
        var gathered = new ulong[Bits.WordsFor(rows.Length)];
        for (var i = 0; i < rows.Length; i++)
        {
            if (Bits.Get(bits, rows[i]))
            {
                gathered[i >> 6] |= 1UL << (i & 63);
            }
        }

        return gathered;
    }

    private static IEnumerable<T> Elements<T>(RecordColumns list, T[] column, int[] rows) =>
        rows.SelectMany(r => column.AsSpan(list.Starts[r], list.Counts[r]).ToArray());

    private static T[][] Split<T>(T[] values, int columns, int length, Section section)
    {
        if (values.Length != (long)columns * length)
        {
            Fail($"{section} holds {values.Length} values where {(long)columns * length} are expected");
        }

        return [.. Enumerable.Range(0, columns).Select(c => values.AsSpan(c * length, length).ToArray())];
    }

    private static T[][] Take<T>(T[] values, ref long at, int columns, int length, Section section)
    {
        if (at + ((long)columns * length) > values.Length)
        {
            Fail($"{section} holds fewer values than the record counts need");
        }

        var start = (int)at;
        at += (long)columns * length;
        return [.. Enumerable.Range(0, columns).Select(c => values.AsSpan(start + (c * length), length).ToArray())];
    }

    private static void Ended(long length, long used, Section section)
    {
        if (length != used)
        {
            Fail($"{section} holds {length} values where the record counts need {used}");
        }
    }

    private static void Times(long[] column, Section section)
    {
        foreach (var ticks in column)
        {
            if (ticks < 0 || ticks > MaxTicks)
            {
                Fail($"{section} holds {ticks}, which is not a time");
            }
        }
    }

    private static void Values(byte[][] columns, Section section)
    {
        if (columns.Any(c => c.Any(b => b > 1)))
        {
            Fail($"{section} holds a value that is neither 0 nor 1");
        }
    }

    private static void Codes(int[][] columns, int values, Section section)
    {
        if (columns.Any(c => c.Any(code => code < 0 || code > values)))
        {
            Fail($"{section} holds a value id outside 0 to {values}");
        }
    }

    private static int Fail(string problem) => throw ColumnFile.Inconsistent(What, problem);

    private static T Fail<T>(string problem) => throw ColumnFile.Inconsistent(What, problem);
}

/// <summary>The custom facts' sections of a member table file as read, before they are checked.</summary>
internal sealed class LoadedCustomFacts
{
    public required List<string> Declarations { get; init; }

    public required List<string> Values { get; init; }

    public required long[] Longs { get; init; }

    public required double[] Doubles { get; init; }

    public required byte[] Bools { get; init; }

    public required int[] Strings { get; init; }

    public required ulong[] IsSet { get; init; }

    public required int[] RecordCounts { get; init; }

    public required long[] RecordLongs { get; init; }

    public required double[] RecordDoubles { get; init; }

    public required byte[] RecordBools { get; init; }

    public required int[] RecordStrings { get; init; }
}
