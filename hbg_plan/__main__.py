from hbg_plan.cli.app import main

main()
