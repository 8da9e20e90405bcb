using System.Collections.Frozen;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Files.Roster;

/// <summary>
/// Fixed values and country names as a roster file writes and reads them. An English file writes a value's code
/// (SolventExtraction), a Chinese one its Chinese label (溶剂萃取); the import reads the code, the English label
/// and the Chinese label alike, ignoring case, spaces, hyphens and underscores. Known countries are read in
/// either language into the stored English name, and written in the file's language.
/// </summary>
public static class RosterValues
{
    public static string Write(Enum value, RosterLanguage language) =>
        language == RosterLanguage.Chinese ? EnumText.Of(value, RosterLanguages.ChineseCulture) : value.ToString();

    public static bool TryRead<T>(string cell, out T value) where T : struct, Enum =>
        Names<T>.ByKey.TryGetValue(Key(cell), out value);

    public static string WriteCountry(string stored, RosterLanguage language) => Countries.Display(stored, language.Culture());

    public static string ReadCountry(string cell) => Countries.Canonical(cell);

    /// <summary>Values match ignoring case, spaces, hyphens and underscores ("solvent extraction", "Rare-earth metallurgy").</summary>
    internal static string Key(string value) =>
        new([.. value.Where(ch => !char.IsWhiteSpace(ch) && ch is not ('-' or '_')).Select(char.ToLowerInvariant)]);

    private static class Names<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<string, T> ByKey = Build();

        private static FrozenDictionary<string, T> Build()
        {
            var keys = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var value in Enum.GetValues<T>())
            {
                keys.TryAdd(Key(value.ToString()), value);
                keys.TryAdd(Key(EnumText.Of(value, RosterLanguages.EnglishCulture)), value);
                keys.TryAdd(Key(EnumText.Of(value, RosterLanguages.ChineseCulture)), value);
            }
            return keys.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }
}
