using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation;
using static LineCrm.Segmentation.Expressions.Extensions.LibraryFunctions;

namespace LineCrm.Segmentation.Expressions.Extensions;

/// <summary>The strings extension (cel-go <c>ext.Strings</c>); the functions are in <see cref="StringsFunctions"/>.</summary>
internal sealed class StringsLibrary : ICelLibrary
{
    private static readonly CelType S = CelType.String;
    private static readonly CelType I = CelType.Int;

    public string Name => "cel.lib.ext.strings";

    public CelEnvironment Configure(CelEnvironment environment) => environment
        .WithFunction("charAt", Receiver("string_char_at_int", [S, I], S, a => StringsFunctions.CharAt((string)a[0], (long)a[1])))
        .WithFunction(
            "indexOf",
            Receiver("string_index_of_string", [S, S], I, a => StringsFunctions.IndexOf((string)a[0], (string)a[1])),
            Receiver("string_index_of_string_int", [S, S, I], I, a => StringsFunctions.IndexOf((string)a[0], (string)a[1], (long)a[2])))
        .WithFunction(
            "lastIndexOf",
            Receiver("string_last_index_of_string", [S, S], I, a => StringsFunctions.LastIndexOf((string)a[0], (string)a[1])),
            Receiver("string_last_index_of_string_int", [S, S, I], I, a => StringsFunctions.LastIndexOf((string)a[0], (string)a[1], (long)a[2])))
        .WithFunction("lowerAscii", Receiver("string_lower_ascii", [S], S, a => StringsFunctions.LowerAscii((string)a[0])))
        .WithFunction("upperAscii", Receiver("string_upper_ascii", [S], S, a => StringsFunctions.UpperAscii((string)a[0])))
        .WithFunction(
            "replace",
            Receiver("string_replace_string_string", [S, S, S], S, (a, b) => ResultSizes.ChargeReplace(b, (string)a[0], (string)a[1], (string)a[2], -1), a => StringsFunctions.Replace((string)a[0], (string)a[1], (string)a[2])),
            Receiver("string_replace_string_string_int", [S, S, S, I], S, (a, b) => ResultSizes.ChargeReplace(b, (string)a[0], (string)a[1], (string)a[2], (long)a[3]), a => StringsFunctions.Replace((string)a[0], (string)a[1], (string)a[2], (long)a[3])))
        .WithFunction(
            "split",
            Receiver("string_split_string", [S, S], CelType.List(S), (a, b) => ResultSizes.ChargeSplit(b, (string)a[0], (string)a[1], -1), a => StringsFunctions.Split((string)a[0], (string)a[1])),
            Receiver("string_split_string_int", [S, S, I], CelType.List(S), (a, b) => ResultSizes.ChargeSplit(b, (string)a[0], (string)a[1], (long)a[2]), a => StringsFunctions.Split((string)a[0], (string)a[1], (long)a[2])))
        .WithFunction(
            "substring",
            Receiver("string_substring_int", [S, I], S, a => StringsFunctions.Substring((string)a[0], (long)a[1])),
            Receiver("string_substring_int_int", [S, I, I], S, a => StringsFunctions.Substring((string)a[0], (long)a[1], (long)a[2])))
        .WithFunction("trim", Receiver("string_trim", [S], S, a => StringsFunctions.Trim((string)a[0])))
        .WithFunction(
            "join",
            Receiver("list_join", [CelType.List(S)], S, (a, b) => b.ChargeString(ResultSizes.Joined((CelList)a[0], string.Empty)), a => StringsFunctions.Join((CelList)a[0], string.Empty)),
            Receiver("list_join_string", [CelType.List(S), S], S, (a, b) => b.ChargeString(ResultSizes.Joined((CelList)a[0], (string)a[1])), a => StringsFunctions.Join((CelList)a[0], (string)a[1])))
        .WithFunction("strings.quote", Global("strings_quote", [S], S, a => StringsFunctions.Quote((string)a[0])))
        .WithFunction("reverse", Receiver("string_reverse", [S], S, a => StringsFunctions.Reverse((string)a[0])))
        .WithFunction("format", Receiver("string_format_list", [S, CelType.List(CelType.Dyn)], S, a => StringFormat.Format((string)a[0], (CelList)a[1])));
}
