using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Search.Memory;

/// <summary>One search document as read from the database, its text included.</summary>
public sealed record IndexedDocument(
    long DocId, Guid SpecialistId, Guid FirmId, string FirmName, IndustrySegment Segment, string EmployeeNumber,
    string FullName, string LatinName, string Nationality, EmploymentStatus Status, DateOnly HireDate,
    SearchCustody Custody, DateOnly? DueBackOn, DateOnly? PassportExpiresOn, SearchFlagState FlagState,
    long ExpertiseMask, int DegreeMask, string Text);

/// <summary>
/// The facet and display columns of every search document, one array per column indexed by the document id
/// (ids only grow, so they double as array positions). Narrow columns keep a scan of a million people inside
/// the processor caches; dates are day numbers, and a missing date is <see cref="NoDate"/>.
/// </summary>
public sealed class DocumentColumns
{
    public const int NoDate = int.MaxValue;

    private readonly Dictionary<Guid, int> _firmIndex = [];
    private readonly Dictionary<string, short> _nationalityIndex = new(StringComparer.Ordinal);

    public DocumentColumns(int capacity)
    {
        Alive = new Bitset(capacity);
        Resize(Math.Max(capacity, 64));
    }

    public Bitset Alive { get; }
    /// <summary>One more than the highest id ever stored.</summary>
    public int End { get; private set; }

    public List<Guid> FirmIds { get; } = [];
    public List<string> FirmNames { get; } = [];
    public List<string> Nationalities { get; } = [];

    public Guid[] SpecialistId = [];
    public int[] Firm = [];
    public byte[] Segment = [];
    public byte[] Status = [];
    public byte[] Custody = [];
    public byte[] FlagState = [];
    public byte[] DegreeMask = [];
    public short[] Nationality = [];
    public long[] ExpertiseMask = [];
    public int[] HireDay = [];
    public int[] DueBackDay = [];
    public int[] ExpiryDay = [];
    public string[] FullName = [];
    public string[] LatinName = [];
    public string[] EmployeeNumber = [];

    public static int Day(DateOnly? date) => date?.DayNumber ?? NoDate;

    /// <summary>
    /// Grows the columns ahead of a catch-up, outside the index's write lock: copying a million-row column set
    /// takes long enough to stall every search. Safe while searches read, as they only read ids already stored
    /// and the copies hold the same values; only one catch-up runs at a time.
    /// </summary>
    public void Reserve(int capacity)
    {
        if (capacity > SpecialistId.Length)
            Resize(Math.Max(capacity, SpecialistId.Length + SpecialistId.Length / 4));
    }

    public void Put(int id, IndexedDocument d)
    {
        Reserve(id + 1);
        SpecialistId[id] = d.SpecialistId;
        Firm[id] = FirmOf(d.FirmId, d.FirmName);
        Segment[id] = (byte)d.Segment;
        Status[id] = (byte)d.Status;
        Custody[id] = (byte)d.Custody;
        FlagState[id] = (byte)d.FlagState;
        DegreeMask[id] = (byte)d.DegreeMask;
        Nationality[id] = NationalityOf(d.Nationality);
        ExpertiseMask[id] = d.ExpertiseMask;
        HireDay[id] = d.HireDate.DayNumber;
        DueBackDay[id] = Day(d.DueBackOn);
        ExpiryDay[id] = Day(d.PassportExpiresOn);
        FullName[id] = d.FullName;
        LatinName[id] = d.LatinName;
        EmployeeNumber[id] = d.EmployeeNumber;
        Alive.Set(id);
        End = Math.Max(End, id + 1);
    }

    public void Remove(int id)
    {
        Alive.Clear(id);
        if (id < FullName.Length)
        {
            // Let the strings go; the id is never reused.
            FullName[id] = LatinName[id] = EmployeeNumber[id] = "";
        }
    }

    public int? FirmIndexOf(Guid firmId) => _firmIndex.TryGetValue(firmId, out var i) ? i : null;

    public short? NationalityIndexOf(string nationality) => _nationalityIndex.TryGetValue(nationality, out var i) ? i : null;

    public string FirmName(int id) => FirmNames[Firm[id]];

    public bool IsOverdue(int id, int today) => Custody[id] == (byte)SearchCustody.Released && DueBackDay[id] < today;

    public CustodyFacet CustodyOf(int id, int today) => CustodyFacets.Of((SearchCustody)Custody[id], IsOverdue(id, today));

    public SearchRow Row(int id, int today) => new(
        SpecialistId[id], FullName[id], LatinName[id], EmployeeNumber[id], FirmName(id), (IndustrySegment)Segment[id],
        Nationalities[Nationality[id]], (EmploymentStatus)Status[id], DateOnly.FromDayNumber(HireDay[id]), CustodyOf(id, today),
        ExpiryDay[id] == NoDate ? null : DateOnly.FromDayNumber(ExpiryDay[id]), (SearchFlagState)FlagState[id]);

    private int FirmOf(Guid firmId, string name)
    {
        if (!_firmIndex.TryGetValue(firmId, out var index))
        {
            index = FirmIds.Count;
            _firmIndex[firmId] = index;
            FirmIds.Add(firmId);
            FirmNames.Add(name);
        }
        else if (FirmNames[index] != name)
            FirmNames[index] = name; // a renamed firm: every document of it is refreshed in the same save
        return index;
    }

    private short NationalityOf(string nationality)
    {
        if (!_nationalityIndex.TryGetValue(nationality, out var index))
        {
            index = checked((short)Nationalities.Count);
            _nationalityIndex[nationality] = index;
            Nationalities.Add(nationality);
        }
        return index;
    }

    private void Resize(int capacity)
    {
        Array.Resize(ref SpecialistId, capacity);
        Array.Resize(ref Firm, capacity);
        Array.Resize(ref Segment, capacity);
        Array.Resize(ref Status, capacity);
        Array.Resize(ref Custody, capacity);
        Array.Resize(ref FlagState, capacity);
        Array.Resize(ref DegreeMask, capacity);
        Array.Resize(ref Nationality, capacity);
        Array.Resize(ref ExpertiseMask, capacity);
        Array.Resize(ref HireDay, capacity);
        Array.Resize(ref DueBackDay, capacity);
        Array.Resize(ref ExpiryDay, capacity);
        Array.Resize(ref FullName, capacity);
        Array.Resize(ref LatinName, capacity);
        Array.Resize(ref EmployeeNumber, capacity);
    }
}
