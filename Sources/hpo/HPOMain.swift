import HPOCommandLine

/// The `hpo` executable: runs ``HPOCommand``, whose subcommands may be asynchronous.
@main
struct HPOMain {
    static func main() async {
        await HPOCommand.main()
    }
}
