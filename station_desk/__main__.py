from station_desk.cli import main

raise SystemExit(main())
