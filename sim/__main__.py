from sim.cli.main import entry

entry()
