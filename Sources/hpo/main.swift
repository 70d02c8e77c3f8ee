import HPOCommandLine

HPOCommand.main()
