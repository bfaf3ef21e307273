/// The names of the region the dossier's territory series is about. Area figures in sentences that name another
/// place and not these are reported as `elsewhere`. (To move to the site's configuration.)
public enum TerritoryFocus {
    public static let names = ["Kursk"]
}
